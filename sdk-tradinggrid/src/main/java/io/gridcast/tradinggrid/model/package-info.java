/**
 * The models of Gridcast's Active Community contract ({@code active-community-openapi.yaml}):
 * resources such as {@link io.gridcast.tradinggrid.model.Post} and
 * {@link io.gridcast.tradinggrid.model.Issue}, and the request bodies that create
 * ({@code PostCreate}) and update ({@code PostUpdate}) them.
 *
 * <p>Every model is immutable and thread-safe, built with {@code builder()} and copied with
 * {@code Post.builder().from(post)}. JSON names are the contract's camelCase names; fields the
 * contract marks optional are {@code Optional}; lists default to empty. Enumerations decode values
 * newer than this SDK as {@code UNKNOWN}. Request bodies refuse {@code UNKNOWN} and obviously
 * incomplete input with {@link java.lang.IllegalArgumentException} naming the field.
 */
package io.gridcast.tradinggrid.model;
