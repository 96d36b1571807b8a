package io.synchron.intake;

import java.time.Instant;

/** How a channel's polling is going. */
public record ChannelPollStatus(
    String channelId,
    Instant nextStart,
    Instant lastPollAt,
    Instant lastSuccessAt,
    int consecutiveFailures,
    String lastError) {}
