package io.synchron.intake;

import io.synchron.config.SynchronProperties;
import org.springframework.stereotype.Component;

/** Which Shopify store each channel's orders go to. */
@Component
class ChannelShops {

  private final SynchronProperties properties;

  ChannelShops(SynchronProperties properties) {
    this.properties = properties;
  }

  String shopOf(String channelId) {
    return properties.channel(channelId).shop();
  }

  SynchronProperties.Channel channel(String channelId) {
    return properties.channel(channelId);
  }
}
