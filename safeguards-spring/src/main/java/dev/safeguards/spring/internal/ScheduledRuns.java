package dev.safeguards.spring.internal;

import dev.safeguards.shutdown.InFlightTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskDecorator;

/**
 * Counts each run of a scheduled task as work in flight, and skips a run that would start once
 * shutdown drains the tasks: a job begun after the drain would be cut off by the hooks.
 */
public final class ScheduledRuns implements TaskDecorator {

  private static final Logger log = LoggerFactory.getLogger(ScheduledRuns.class);

  private final InFlightTracker tracker;

  public ScheduledRuns(InFlightTracker tracker) {
    this.tracker = tracker;
  }

  @Override
  public Runnable decorate(Runnable task) {
    return () -> {
      if (!tracker.tryEnter()) {
        log.debug("scheduled run skipped: shutting down task={}", task);
        return;
      }
      try {
        task.run();
      } finally {
        tracker.exit();
      }
    };
  }
}
