package io.gridcast.bridge.flows;

import io.gridcast.bridge.Fingerprints;
import io.gridcast.core.LogSafe;
import io.gridcast.tradinggrid.DocumentsApi.DocumentIntegrityException;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.TradingGridId;
import io.gridcast.tradinggrid.model.ContentPackage;
import io.gridcast.tradinggrid.model.Document;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The four documents of a content package as reviewers saw them, pinned by SHA-256 on the
 * approval's audit trail so that what is published is byte for byte what was approved:
 *
 * <ol>
 *   <li>{@code package_submitted} (one entry per review round, written when the package is
 *       submitted or resubmitted, or when the flow first sees an approval made in Trading Grid):
 *       each document's id and SHA-256 as Trading Grid states it;
 *   <li>{@code document_approved} (one entry per document, written once the package is fully
 *       approved): the document, its SHA-256 (the one submitted for review; a document whose
 *       SHA-256 changed since is refused) and its file name and size; the script's entry keeps the
 *       approved script on the record;
 *   <li>at release every document is downloaded again and its bytes hashed; bytes that differ from
 *       the approved SHA-256 are refused with {@link ApprovedPackageChangedException} and a {@code
 *       release_blocked} entry, before anything is written.
 * </ol>
 *
 * <p>Entries are found again by their fixed beginning, which holds only validated ids and hex
 * digits (file names, written by submitters, come last), so no file name can pass for a hash. Not
 * thread-safe; one per delivery.
 */
final class ReviewedPackage {

  /** The documents of a package, in the order the trail lists them. */
  enum Part {
    SCRIPT("script", ContentPackage::scriptDocumentId),
    ARTWORK("artwork", ContentPackage::artworkDocumentId),
    RELEASE_NOTES("release notes", ContentPackage::releaseNotesDocumentId),
    AUDIO("audio", ContentPackage::audioDocumentId);

    final String label;
    private final Function<ContentPackage, String> documentId;

    Part(String label, Function<ContentPackage, String> documentId) {
      this.label = label;
      this.documentId = documentId;
    }

    String documentId(ContentPackage pkg) {
      return documentId.apply(pkg);
    }
  }

  static final String SUBMITTED = "package_submitted";
  static final String APPROVED = "document_approved";

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final TradingGridClient tradingGrid;
  private final String approvalId;
  private final ContentPackage pkg;
  private final int round;
  private final AuditTrail audit;
  private final Map<Part, Document> documents = new EnumMap<>(Part.class);

  ReviewedPackage(TradingGridClient tradingGrid, String approvalId, ContentPackage pkg, int round, AuditTrail audit) {
    this.tradingGrid = tradingGrid;
    this.approvalId = approvalId;
    this.pkg = pkg;
    this.round = round;
    this.audit = audit;
  }

  /** The metadata of a document of the package, read once. */
  Document document(Part part) {
    return documents.computeIfAbsent(part, p -> tradingGrid.documents().get(documentId(p)));
  }

  private String documentId(Part part) {
    return TradingGridId.require(part.label + " document id", part.documentId(pkg));
  }

  /**
   * Appends the round's {@code package_submitted} entry unless the trail has one for this round:
   * the first record of a round stays the reference.
   *
   */
  void noteSubmitted() {
    if (submittedHashes().isPresent()) {
      return;
    }
    Map<Part, String> hashes = new EnumMap<>(Part.class);
    for (Part part : Part.values()) {
      hashes.put(part, document(part).sha256());
    }
    audit.once(SUBMITTED + "#" + round, AuditTrail.ACTOR, SUBMITTED, submittedDetail(hashes));
  }

  /**
   * The approved SHA-256 of every document: from the trail's {@code document_approved} entries,
   * writing those missing with the hash submitted for review this round.
   *
   * @throws ApprovedPackageChangedException if a document's SHA-256 now differs from the one
   *     submitted for review (a {@code release_blocked} entry says so first)
   */
  Map<Part, String> approve() {
    Optional<Map<Part, String>> submitted = submittedHashes();
    Map<Part, String> approved = new EnumMap<>(Part.class);
    for (Part part : Part.values()) {
      Optional<String> recorded = approvedHash(part);
      if (recorded.isPresent()) {
        approved.put(part, recorded.get());
        continue;
      }
      Document doc = document(part);
      String reviewed = submitted.map(s -> s.get(part)).orElse(doc.sha256());
      if (!reviewed.equals(doc.sha256())) {
        throw refuse(part, "submitted for review", reviewed, doc.sha256());
      }
      audit.once(APPROVED + "#" + part.name(), AuditTrail.ACTOR, APPROVED, approvedDetail(part, doc, reviewed));
      approved.put(part, reviewed);
    }
    return approved;
  }

  /**
   * Downloads a document again and returns its bytes, when they hash to {@code approvedSha256}.
   *
   * @throws ApprovedPackageChangedException if they do not (a {@code release_blocked} entry says
   *     so first), or Trading Grid serves bytes that do not match its own SHA-256
   */
  byte[] verifiedContent(Part part, String approvedSha256) {
    byte[] bytes;
    try {
      bytes = tradingGrid.documents().download(documentId(part));
    } catch (DocumentIntegrityException e) {
      throw refuse(part, "approved", approvedSha256, "a body that does not match Trading Grid's own SHA-256");
    }
    String actual = Fingerprints.sha256Hex(bytes);
    if (!actual.equals(approvedSha256)) {
      throw refuse(part, "approved", approvedSha256, actual);
    }
    return bytes;
  }

  private ApprovedPackageChangedException refuse(Part part, String when, String expected, String actual) {
    String reason = changedReason(part, when, expected, actual);
    audit.once("changed#" + part.name() + "#" + ContentHash.of(reason), AuditTrail.ACTOR, "release_blocked",
        "Release blocked: " + reason);
    return new ApprovedPackageChangedException(approvalId, part.label, documentId(part), reason);
  }

  /** This round's submitted hashes, from the trail's {@code package_submitted} entry. */
  private Optional<Map<Part, String>> submittedHashes() {
    return audit.detailStartingWith(AuditTrail.ACTOR, SUBMITTED, submittedPrefix()).map(detail -> {
      Map<Part, String> hashes = new EnumMap<>(Part.class);
      for (Part part : Part.values()) {
        String marker = part.label + " " + documentId(part) + " sha256 ";
        int at = detail.indexOf(marker);
        String hex = at < 0 ? "" : detail.substring(at + marker.length(), Math.min(detail.length(), at + marker.length() + 64));
        hashes.put(part, SHA256.matcher(hex).matches() ? hex : "(not recorded)");
      }
      return hashes;
    });
  }

  private Optional<String> approvedHash(Part part) {
    String prefix = approvedPrefix(part);
    return audit.detailStartingWith(AuditTrail.ACTOR, APPROVED, prefix).map(d -> d.substring(prefix.length()))
        .map(rest -> rest.length() >= 64 ? rest.substring(0, 64) : rest)
        .filter(hex -> SHA256.matcher(hex).matches());
  }

  // ---- the texts of the entries: one method each --------------------------------------------

  private String submittedPrefix() {
    return "Package for review, round " + round + ": ";
  }

  /** {@code Package for review, round 1: script d_1 sha256 <hex>; artwork d_2 sha256 <hex>; ...}. */
  private String submittedDetail(Map<Part, String> hashes) {
    StringBuilder detail = new StringBuilder(submittedPrefix());
    for (Part part : Part.values()) {
      if (part != Part.SCRIPT) {
        detail.append("; ");
      }
      detail.append(part.label).append(' ').append(documentId(part)).append(" sha256 ").append(hashes.get(part));
    }
    return detail.toString();
  }

  private String approvedPrefix(Part part) {
    return "Approved " + part.label + ": document " + documentId(part) + ", sha256 ";
  }

  /** {@code Approved script: document d_1, sha256 <hex> ("script.md", 157 bytes)}. */
  private String approvedDetail(Part part, Document doc, String sha256) {
    return approvedPrefix(part) + sha256 + " (" + LogSafe.quoted(doc.fileName()) + ", " + doc.size() + " bytes)";
  }

  private String changedReason(Part part, String when, String expected, String actual) {
    return part.label + " document " + documentId(part) + " changed after it was " + when + ": sha256 " + expected
        + " was " + when + ", Trading Grid now serves " + actual;
  }
}
