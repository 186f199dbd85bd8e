package io.gridcast.bridge.flows;

import io.gridcast.tradinggrid.model.ContentPackage;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A content package to submit for approval: your stable key for it, the episode's title and
 * description, the package's documents in Trading Grid (script, artwork, release notes, audio)
 * and who submitted it (notified when reviewers reject it or ask for changes). To revise a package
 * that reviewers rejected or sent back, keep its key and change its documents (upload revised
 * content as new documents): the flow resubmits it to the same approval. Immutable.
 *
 * @param key your stable id of the package, 1-64 characters of {@code A-Z a-z 0-9 . _ -}
 * @param title the episode title
 * @param description the episode description
 * @param contentPackage the documents under review
 * @param submittedBy who submitted it, e.g. an e-mail address
 */
public record ContentSubmission(String key, String title, String description, ContentPackage contentPackage,
    String submittedBy) {

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** @throws IllegalArgumentException naming the invalid field */
  public ContentSubmission {
    Objects.requireNonNull(contentPackage, "contentPackage");
    if (key == null || !KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("key must be 1-64 characters of A-Z a-z 0-9 . _ -, was " + key);
    }
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("title must not be blank");
    }
    if (description == null) {
      throw new IllegalArgumentException("description must not be null (it may be empty)");
    }
    if (submittedBy == null || submittedBy.isBlank()) {
      throw new IllegalArgumentException("submittedBy must not be blank: name who is notified of a rejection");
    }
  }
}
