package dev.asyncmodel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A reference to another model. The component's type is {@link Ref Ref&lt;Target&gt;}, where {@code
 * Target} is an {@code @AsyncModel} record; its column is the component's name plus {@code _id}
 * ({@code user} maps to {@code user_id}) and holds the target's id.
 *
 * <pre>{@code @ForeignKey(onDelete = OnDelete.CASCADE) Ref<User> user}</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface ForeignKey {
  /**
   * What deleting the referenced row does to this one: {@link OnDelete#CASCADE}, {@link
   * OnDelete#PROTECT}, {@link OnDelete#SET_NULL} or {@link OnDelete#DO_NOTHING}. Django requires a
   * choice, and so does asyncmodel: the default, {@link OnDelete#UNSET}, is not one, and a foreign
   * key that leaves it out is a compile error that names the choices.
   *
   * @return the rule
   */
  OnDelete onDelete() default OnDelete.UNSET;
}
