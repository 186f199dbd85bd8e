/**
 * Remote text made safe to publish: {@link io.gridcast.bridge.text.PostMarkdown} turns what a
 * platform returns (titles, descriptions, partner messages) into escaped post Markdown, {@link
 * io.gridcast.bridge.text.LinkPolicy} decides which links may appear ({@code https} only, on
 * allowed hosts), and {@link io.gridcast.bridge.text.SafeCsv} writes CSV whose cells cannot run as
 * spreadsheet formulas. Every mapper of the flows uses them; custom mappers should too. All API.
 */
package io.gridcast.bridge.text;
