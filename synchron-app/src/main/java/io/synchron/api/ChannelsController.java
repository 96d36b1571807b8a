package io.synchron.api;

import io.synchron.config.SynchronProperties;
import io.synchron.intake.ChannelPollStatus;
import io.synchron.intake.ChannelPoller;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The configured channels and how their polling is going. */
@RestController
@RequestMapping("/api/channels")
class ChannelsController {

  private final SynchronProperties properties;
  private final ChannelPoller poller;

  ChannelsController(SynchronProperties properties, ChannelPoller poller) {
    this.properties = properties;
    this.poller = poller;
  }

  record ChannelView(
      String id,
      String platform,
      String shop,
      boolean enabled,
      Duration pollInterval,
      Instant nextWindowStart,
      Instant lastPollAt,
      Instant lastSuccessAt,
      int consecutiveFailures,
      String lastError) {}

  record PollView(boolean polled, int received, int newSignals, int applied, String error) {}

  @GetMapping
  List<ChannelView> list() {
    List<ChannelPollStatus> statuses = poller.status();
    return properties.channels().stream()
        .map(
            c -> {
              ChannelPollStatus s =
                  statuses.stream().filter(x -> x.channelId().equals(c.id())).findFirst().orElse(null);
              return new ChannelView(
                  c.id(),
                  c.platform().name().toLowerCase().replace('_', '-'),
                  c.shop(),
                  c.enabled(),
                  c.effectivePollInterval(),
                  s == null ? null : s.nextStart(),
                  s == null ? null : s.lastPollAt(),
                  s == null ? null : s.lastSuccessAt(),
                  s == null ? 0 : s.consecutiveFailures(),
                  s == null ? null : s.lastError());
            })
        .toList();
  }

  @PostMapping("/{id}/poll")
  PollView poll(@PathVariable String id) {
    properties.channel(id);
    ChannelPoller.PollResult r = poller.pollNow(id);
    return new PollView(r.polled(), r.received(), r.newSignals(), r.applied(), r.error());
  }
}
