package io.gridcast.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style shared by every Gridcast model and configuration.
 *
 * <p>Annotate an abstract value type (or its package) with {@code @GridcastStyle} and
 * {@code @Value.Immutable}: the generated class is named without the {@code Abstract} prefix
 * (an abstract {@code AbstractShow} generates {@code Show}), is public, has a
 * {@code builder()} and {@code copyOf(...)}, supports {@code toBuilder()} through
 * {@code from(...)} on the builder, and refuses {@code null} unless an attribute is
 * {@code Optional} or marked {@code @Nullable}. Optional attributes accept plain values in
 * builders. Collections default to empty rather than {@code null}.
 *
 * <p>Declare the abstract type package-private: its Javadoc is copied onto the generated class,
 * which is the only one users see.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    typeAbstract = {"Abstract*"},
    typeImmutable = "*",
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    get = {"is*", "get*"},
    init = "*",
    builder = "builder",
    build = "build",
    jdkOnly = true,
    optionalAcceptNullable = true,
    defaultAsDefault = true,
    headerComments = false,
    forceJacksonPropertyNames = false)
public @interface GridcastStyle {}
