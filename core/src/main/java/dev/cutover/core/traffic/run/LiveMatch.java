package dev.cutover.core.traffic.run;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.cutover.core.traffic.MemberWeight;
import dev.cutover.core.traffic.WeightSnapshot;
import dev.cutover.core.traffic.journal.JournalEntry;
import dev.cutover.core.traffic.journal.JournalView;
import java.util.Locale;
import java.util.Optional;

/**
 * How the live weights relate to what the journal says, compared by effective weight ({@link
 * WeightSnapshot#sameEffectiveWeights}). {@link #NONE} means someone else changed them: the switch
 * then stops and reports instead of overwriting them.
 */
public enum LiveMatch {
  /** Live is what the last intent asked for (the write took effect). */
  INTENT,
  /** Live is what was last confirmed (the last intent's write did not take effect, or none). */
  CONFIRMED,
  /** Live is the pre-switch weights. */
  PRE_SWITCH,
  /**
   * Each member is at either its intended or its confirmed weight: a write that changes members one
   * by one (Traffic Manager PATCH per endpoint) stopped half way.
   */
  PARTIAL,
  /** None of the above: changed by hand. */
  NONE;

  /** Compares {@code live} with the run in {@code view}. */
  public static LiveMatch classify(WeightSnapshot live, JournalView view) {
    Optional<WeightSnapshot> intent = view.lastIntent().map(JournalEntry::weights);
    WeightSnapshot confirmed = view.confirmed();
    if (intent.isPresent() && live.sameEffectiveWeights(intent.get())) {
      return INTENT;
    }
    if (live.sameEffectiveWeights(confirmed)) {
      return CONFIRMED;
    }
    if (live.sameEffectiveWeights(view.preSwitch())) {
      return PRE_SWITCH;
    }
    if (intent.isPresent() && eachMemberAtEither(live, intent.get(), confirmed)) {
      return PARTIAL;
    }
    return NONE;
  }

  /** True if the switch's own writes explain the live weights. */
  public boolean ours() {
    return this != NONE;
  }

  private static boolean eachMemberAtEither(
      WeightSnapshot live, WeightSnapshot a, WeightSnapshot b) {
    if (live.members().size() != a.members().size()) {
      return false;
    }
    for (MemberWeight m : live.members()) {
      int weight = m.effectiveWeight();
      boolean matchesA = a.member(m.id()).map(x -> x.effectiveWeight() == weight).orElse(false);
      boolean matchesB = b.member(m.id()).map(x -> x.effectiveWeight() == weight).orElse(false);
      if (!matchesA && !matchesB) {
        return false;
      }
    }
    return true;
  }

  @JsonValue
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
