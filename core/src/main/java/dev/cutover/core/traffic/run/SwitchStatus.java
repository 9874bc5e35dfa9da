package dev.cutover.core.traffic.run;

import dev.cutover.core.traffic.WeightSnapshot;
import dev.cutover.core.traffic.journal.Holder;
import dev.cutover.core.traffic.journal.JournalView;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * What {@code cutover switch status} shows: the journal's view of the last run, who holds the lock,
 * and the live weights with how they relate to the journal.
 *
 * @param spec the record spec
 * @param journal the journal file
 * @param view the last run; empty if the journal has none
 * @param runner the lock holder; empty if no process acts on the record now
 * @param live the live weights; empty if they could not be read ({@code liveError} says why)
 * @param liveError why the live weights could not be read, or null
 * @param match how live relates to the journal; null without a run or live weights
 * @param now when this was taken
 */
public record SwitchStatus(
    String spec,
    Path journal,
    Optional<JournalView> view,
    Optional<Holder> runner,
    Optional<WeightSnapshot> live,
    String liveError,
    LiveMatch match,
    Instant now) {}
