package io.gridcast.examples;

import io.gridcast.bridge.Flow;
import io.gridcast.bridge.RunReport;
import io.gridcast.bridge.flows.TrainingSeriesConfig;
import io.gridcast.bridge.flows.TrainingSeriesFlow;
import io.gridcast.testkit.SpotifyDemoData;
import io.gridcast.tradinggrid.model.OnboardingStage;
import io.gridcast.tradinggrid.model.Partner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Flow 2 as a script: the four newest episodes of the Partner Onboarding Academy become training
 * posts with a checklist and an FAQ sheet attached, assigned to every partner in onboarding, due
 * three weeks after release. On the embedded default, the first time, an invited partner then
 * moves into onboarding (as partner operations would) and the re-evaluation assigns the training
 * to it; later runs find nothing to do. With real credentials: the show in
 * {@code GRIDCAST_TRAINING_SHOW_ID} and the documents in {@code GRIDCAST_TRAINING_DOCS}.
 */
final class TrainingSeriesExample implements Example {

  @Override
  public String name() {
    return "training-series";
  }

  @Override
  public String summary() {
    return "training posts with documents, assigned by onboarding stage and re-evaluated as partners move (flow 2)";
  }

  @Override
  public Flow<?, ?> flow(Environment env) {
    TrainingSeriesConfig.Builder config = TrainingSeriesConfig.builder()
        .maxEpisodesPerShow(4)
        .dueAfterDays(21)
        .putFaqs("Is the training mandatory?", "Yes: finish it before your EDI certification test.")
        .putFaqs("Who answers questions?", "Partner operations, in the episode's discussion thread.");
    if (env.embedded()) {
      config.addShowIds(SpotifyDemoData.SHOW_PARTNER_ACADEMY).documentsFolder(documents(env.dir()));
    } else {
      config.addShowIds(Launcher.requiredEnv("GRIDCAST_TRAINING_SHOW_ID"))
          .documentsFolder(Path.of(Launcher.requiredEnv("GRIDCAST_TRAINING_DOCS")));
    }
    return TrainingSeriesFlow.create(env.spotify(), env.tradingGrid(), config.templates(env.templates()).build());
  }

  /** The first time (the run created the training posts), an invited partner moves into onboarding. */
  @Override
  public boolean afterRun(Environment env, RunReport report) {
    if (!env.embedded() || report.stage("posts").created() == 0) {
      return false;
    }
    Optional<Partner> invited = env.tradingGrid().partners().atStage(OnboardingStage.INVITED).stream().findFirst();
    if (invited.isEmpty()) {
      return false;
    }
    env.tradingGridSandbox().movePartnerToStage(invited.get().id(), "onboarding");
    System.out.println(invited.get().name() + " moved from invited to onboarding; re-evaluating the assignments");
    return true;
  }

  /** The example's supporting documents, written into its folder with the same bytes every run. */
  private static Path documents(Path dir) {
    Path docs = dir.resolve("training-docs");
    try {
      Files.createDirectories(docs);
      Files.writeString(docs.resolve("asn-checklist.md"), "# ASN checklist\n\n1. One SSCC label per pallet\n"
          + "2. Send the ASN before the truck leaves\n3. Quantities must match the packing list\n");
      Files.writeString(docs.resolve("training-faq.md"), "# Training FAQ\n\n**How long does it take?** About 20 minutes per episode.\n\n"
          + "**Is there a test?** Yes, part of the EDI certification.\n");
      return docs;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the example documents to " + docs, e);
    }
  }
}
