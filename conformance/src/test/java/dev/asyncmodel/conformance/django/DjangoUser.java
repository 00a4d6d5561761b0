package dev.asyncmodel.conformance.django;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.Column;
import dev.asyncmodel.Id;
import dev.asyncmodel.MaxLength;
import dev.asyncmodel.Unique;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Django's user with every column of its table, so that asyncmodel can insert one: {@code class
 * User(AbstractUser)} in an app {@code accounts}, which has {@code auth_user}'s columns exactly.
 * Its table is not {@code auth_user} because the conformance suite's {@code User} maps that one,
 * and two models of one compilation may not share a table. The {@code is_*} columns get Java names
 * with {@code @Column}.
 */
@AsyncModel(table = "accounts_user")
public record DjangoUser(
    @Id Long id,
    @MaxLength(128) String password,
    @Nullable Instant lastLogin,
    @Column("is_superuser") boolean superuser,
    @MaxLength(150) @Unique String username,
    @MaxLength(150) String firstName,
    @MaxLength(150) String lastName,
    @MaxLength(254) String email,
    @Column("is_staff") boolean staff,
    @Column("is_active") boolean active,
    Instant dateJoined) {}
