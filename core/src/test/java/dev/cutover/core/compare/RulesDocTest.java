package dev.cutover.core.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.core.Golden;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesDocTest {

  /** docs/rules.md at the repository root (tests run in the core module directory). */
  private static final Path RULES_MD = Path.of("..", "docs", "rules.md");

  @Test
  void rulesMd_isGeneratedFromTheRegistry() throws IOException {
    Golden.assertMatches(RULES_MD, Rules.markdown());
  }

  @Test
  void registry_idsUniqueAndDotted_everyRuleHasAWebSource() {
    List<String> ids = Rules.all().stream().map(Rule::id).toList();

    assertThat(ids).doesNotHaveDuplicates();
    assertThat(ids).allMatch(id -> id.matches("[a-z]+\\.[a-z-]+"));
    assertThat(Rules.all()).allSatisfy(rule -> assertThat(rule.source()).startsWith("https://"));
    assertThat(Rules.all()).allSatisfy(rule -> assertThat(rule.appliesTo()).isNotEmpty());
  }

  @Test
  void markdown_listsEveryRuleOnce() {
    String md = Rules.markdown();

    assertThat(Rules.all())
        .allSatisfy(rule -> assertThat(md).containsOnlyOnce("| `" + rule.id() + "` |"));
  }
}
