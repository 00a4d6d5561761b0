package dev.asyncmodel.sample.web;

import io.vertx.core.Context;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Django's default password hasher, {@code PBKDF2PasswordHasher}: PBKDF2 with HMAC-SHA256, a random
 * salt of 22 letters and digits, a 32-byte key, stored as {@code
 * pbkdf2_sha256$<iterations>$<salt>$<base64 key>}. A hash made here works in Django, and a Django
 * user's hash works here, whatever its iteration count.
 *
 * <p>Both {@link #hash} and {@link #verify} are deliberately slow (that is the point of PBKDF2):
 * call them on a worker thread, never on an event loop. Thread-safe.
 */
public final class Passwords {
  /** Django's name of the algorithm, the first part of a hash. */
  public static final String ALGORITHM = "pbkdf2_sha256";

  /** Django 5.2's iteration count for new hashes. */
  public static final int DJANGO_ITERATIONS = 1_000_000;

  /** The most iterations a stored hash may ask for: more is a corrupt (or hostile) hash. */
  static final int MAX_ITERATIONS = 100_000_000;

  private static final String SALT_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  /** Django's salt: 128 bits of entropy in letters and digits, 22 characters. */
  private static final int SALT_LENGTH = 22;

  private static final int KEY_BYTES = 32;

  private final int iterations;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param iterations PBKDF2 iterations for new hashes, at least 1
   */
  public Passwords(int iterations) {
    if (iterations < 1 || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException(
          "PBKDF2 iterations must be from 1 to " + MAX_ITERATIONS + ", not " + iterations);
    }
    this.iterations = iterations;
  }

  /**
   * @return the iteration count of new hashes
   */
  public int iterations() {
    return iterations;
  }

  /**
   * Hashes a password with a new random salt. Slow: not on an event loop.
   *
   * @param password the password, not empty
   * @return Django's encoded hash
   */
  public String hash(String password) {
    if (password.isEmpty()) {
      throw new IllegalArgumentException("An empty password is not hashed");
    }
    char[] salt = new char[SALT_LENGTH];
    for (int i = 0; i < salt.length; i++) {
      salt[i] = SALT_CHARS.charAt(random.nextInt(SALT_CHARS.length()));
    }
    String saltText = new String(salt);
    byte[] key = pbkdf2(password, saltText, iterations);
    return ALGORITHM
        + "$"
        + iterations
        + "$"
        + saltText
        + "$"
        + Base64.getEncoder().encodeToString(key);
  }

  /**
   * Checks a password against a stored hash, in time that does not depend on where the keys differ.
   * Slow: not on an event loop.
   *
   * @param password the password given
   * @param encoded the stored hash
   * @return whether the password is the one hashed; false for a hash in another format
   */
  public boolean verify(String password, String encoded) {
    String[] parts = encoded.split("\\$", -1);
    if (parts.length != 4 || !parts[0].equals(ALGORITHM) || password.isEmpty()) {
      return false;
    }
    int storedIterations;
    byte[] expected;
    try {
      storedIterations = Integer.parseInt(parts[1]);
      expected = Base64.getDecoder().decode(parts[3]);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (storedIterations < 1
        || storedIterations > MAX_ITERATIONS
        || parts[2].isEmpty()
        || expected.length == 0) {
      return false;
    }
    byte[] actual = pbkdf2(password, parts[2], storedIterations, expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  private static byte[] pbkdf2(String password, String salt, int iterations) {
    return pbkdf2(password, salt, iterations, KEY_BYTES);
  }

  /** PBKDF2-HMAC-SHA256; the JDK encodes the password in UTF-8, as Django does. */
  private static byte[] pbkdf2(String password, String salt, int iterations, int bytes) {
    if (Context.isOnEventLoopThread()) {
      // Enforced, not only documented: one hash blocks a thread for the better part of a second.
      throw new IllegalStateException("PBKDF2 must not run on an event loop");
    }
    char[] chars = password.toCharArray();
    PBEKeySpec spec =
        new PBEKeySpec(chars, salt.getBytes(StandardCharsets.UTF_8), iterations, bytes * 8);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
    } finally {
      spec.clearPassword();
      Arrays.fill(chars, '\0');
    }
  }
}
