/**
 * The eight flows between Spotify and Active Community, each a public {@code ...Flow} class with
 * an Immutables configuration ({@code ...Config}, built from its {@code Abstract...Config}), a
 * default mapper and a Javadoc example: episode announcements (1), training series (2),
 * issue-resolution audio updates (3), campaign coordination (4), approval-gated publishing (5),
 * partner feedback (6), business music programmes (7) and performance reports (8).
 *
 * <p>Also public: their item types, sources, mappers and the sinks meant for reuse, so that an
 * application can replace the mapper or add a policy. Internal: the package-private sinks,
 * sources and helpers that only the flows use. Flow 8 needs the optional JFreeChart dependency
 * ({@code org.jfree:jfreechart}) for its chart.
 */
package io.gridcast.bridge.flows;
