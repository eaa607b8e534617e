package dev.safeguards.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Graceful shutdown, which runs when the application context closes, before Spring's own graceful
 * shutdown of the web server. The drain delay, the drain timeout and every ShutdownHook bean's
 * timeout must fit in both {@code grace-period} and {@code
 * spring.lifecycle.timeout-per-shutdown-phase}.
 *
 * @param enabled whether readiness is flipped, traffic drained and ShutdownHook beans run on close
 * @param drainDelay how long to keep serving after readiness went down, so that load balancers stop
 *     sending traffic
 * @param drainTimeout how long to wait for requests in flight once new ones are refused
 * @param gracePeriod the time the platform allows before it kills the process (Kubernetes'
 *     terminationGracePeriodSeconds)
 * @param handleRepeatedSignals whether a second SIGTERM or Ctrl-C during shutdown skips the
 *     remaining waits; set false to leave the process's signal handlers alone when something else
 *     owns them
 * @param resourceDrainTimeout how long named resources (scheduled tasks, jobs, consumers registered
 *     on the InFlightResources bean) get to finish after the HTTP requests; it counts in the
 *     budget. Zero by default: their new work is refused and what is under way is reported, not
 *     waited for, since the default drain delay and timeout already take 25 of the 30 s
 * @param scheduledTasks whether each run of a scheduled task (@Scheduled) counts as work in flight
 *     of the resource {@code scheduled-tasks}, drained at shutdown
 */
public record ShutdownProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("5s") Duration drainDelay,
    @DefaultValue("20s") Duration drainTimeout,
    @DefaultValue("30s") Duration gracePeriod,
    @DefaultValue("true") boolean handleRepeatedSignals,
    @DefaultValue("0s") Duration resourceDrainTimeout,
    @DefaultValue("true") boolean scheduledTasks) {}
