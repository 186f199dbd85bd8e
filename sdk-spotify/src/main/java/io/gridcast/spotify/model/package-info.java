/**
 * Immutable models of the Spotify Web API objects Gridcast reads and writes: shows, episodes,
 * playlists and their items, tracks, users, and the paging envelopes around them.
 *
 * <p>Every model decodes Spotify's JSON through the mapper from {@code
 * io.gridcast.core.GridcastJson#newObjectMapper()} and serializes back to the same JSON names.
 * Decoding is deliberately tolerant of the shapes real responses take (see the design notes on
 * the Web API as it stands):
 *
 * <ul>
 *   <li>unknown fields are ignored and unknown enum values decode as {@code UNKNOWN};
 *   <li>fields Spotify has deprecated or may omit ({@code audio_preview_url}, {@code language},
 *       a show's {@code available_markets} and {@code publisher}, a user's {@code country},
 *       {@code email}, {@code product} and {@code followers}) are {@link java.util.Optional};
 *   <li>{@code null} where the schema says required (a playlist's {@code public}, an image's
 *       {@code height} and {@code width}) decodes as an empty {@code Optional};
 *   <li>a playlist's {@code items} and its deprecated name {@code tracks}, and a playlist item's
 *       {@code item} and its deprecated name {@code track}, decode into the same attribute;
 *   <li>{@code release_date} and {@code release_date_precision} become one {@link
 *       io.gridcast.spotify.model.ReleaseDate}.
 * </ul>
 *
 * <p>All models are immutable and thread-safe; build them with {@code builder()} and copy them
 * with {@code Builder.from(...)}. A missing attribute that the model requires fails the build
 * (and therefore the decode) with an {@link java.lang.IllegalStateException} naming it.
 */
package io.gridcast.spotify.model;
