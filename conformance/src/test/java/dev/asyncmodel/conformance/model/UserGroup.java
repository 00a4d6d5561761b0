package dev.asyncmodel.conformance.model;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.ForeignKey;
import dev.asyncmodel.Id;
import dev.asyncmodel.ManyToMany;
import dev.asyncmodel.OnDelete;
import dev.asyncmodel.Ref;

/**
 * The table Django makes for {@code User.groups}, a {@code ManyToManyField} without a through
 * model: {@code auth_user_groups}, a link per row.
 */
@AsyncModel(table = "auth_user_groups")
public record UserGroup(
    @Id Long id,
    @ForeignKey(onDelete = OnDelete.CASCADE) Ref<User> user,
    @ForeignKey(onDelete = OnDelete.CASCADE) Ref<Group> group) {

  /** {@code user.groups}: Django's {@code User.groups}. */
  public static final ManyToMany<User, Group, UserGroup> GROUPS =
      ManyToMany.through(UserGroups.USER, UserGroups.GROUP, (u, g) -> new UserGroup(null, u, g));
}
