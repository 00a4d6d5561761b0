package dev.asyncmodel.sample.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A bounded, in-memory cache of passwords that PBKDF2 has already accepted, so that HTTP Basic
 * authentication, which sends the password with every request, runs PBKDF2 once per user rather
 * than once per request.
 *
 * <p>An entry is keyed by the stored hash (which holds a random salt, so it names one user and one
 * password) and holds an HMAC-SHA256 of the password under a key drawn at random when the process
 * starts: never the password. A password change, here or in Django, changes the stored hash, so the
 * old entry no longer matches anything. The least recently used entry goes first when the cache is
 * full. Thread-safe; fast enough for an event loop.
 */
public final class VerifiedCredentials {
  private final int capacity;
  private final byte[] key = new byte[32];
  private final Map<String, byte[]> entries;

  /**
   * @param capacity how many entries to keep; 0 disables the cache
   */
  public VerifiedCredentials(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("The cache size must be 0 or more, not " + capacity);
    }
    this.capacity = capacity;
    new SecureRandom().nextBytes(key);
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > VerifiedCredentials.this.capacity;
          }
        };
  }

  /**
   * @param encoded the stored hash
   * @param password the password given
   * @return whether PBKDF2 accepted this password for this hash before
   */
  public boolean contains(String encoded, String password) {
    if (capacity == 0) {
      return false;
    }
    byte[] known;
    synchronized (entries) {
      known = entries.get(encoded);
    }
    return known != null && MessageDigest.isEqual(known, mac(password));
  }

  /**
   * Remembers that PBKDF2 accepted this password for this hash.
   *
   * @param encoded the stored hash
   * @param password the password given
   */
  public void add(String encoded, String password) {
    if (capacity == 0) {
      return;
    }
    byte[] tag = mac(password);
    synchronized (entries) {
      entries.put(encoded, tag);
    }
  }

  /**
   * @return the number of entries
   */
  public int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  private byte[] mac(String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
