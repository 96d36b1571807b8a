package io.synchron.connector;

import io.synchron.config.SynchronProperties;
import io.synchron.config.SynchronProperties.Channel;
import io.synchron.config.SynchronProperties.Platform;
import io.synchron.config.SynchronProperties.Shop;
import io.synchron.connector.mirakl.MiraklConnector;
import io.synchron.connector.shopify.ShopifyConnector;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The configured channels' marketplace connectors and the configured stores' Shopify gateways. */
@Component
public class Connectors {

  private final Map<String, MarketplaceConnector> marketplaces = new LinkedHashMap<>();
  private final Map<String, ShopifyGateway> shops = new LinkedHashMap<>();
  private final SynchronProperties properties;

  public Connectors(SynchronProperties properties, JsonMapper json, Clock clock) {
    this.properties = properties;
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    for (Shop shop : properties.shops()) {
      shops.put(
          shop.id(),
          new ShopifyConnector(
              shop.id(),
              shop.graphQlEndpoint(),
              shop.accessToken(),
              shop.apiVersion(),
              shop.inventoryBehaviour(),
              shop.requestTimeout(),
              http,
              json,
              clock));
    }
    for (Channel channel : properties.channels()) {
      marketplaces.put(channel.id(), marketplace(channel, http));
    }
  }

  private static MarketplaceConnector marketplace(Channel channel, HttpClient http) {
    if (channel.platform() != Platform.MIRAKL) {
      throw new IllegalArgumentException(
          "synchron.channels '" + channel.id() + "': platform " + channel.platform().name().toLowerCase()
              + " is not supported by this version of Synchron yet; supported: mirakl");
    }
    return new MiraklConnector(
        channel.id(), channel.baseUrl(), channel.apiKey(), channel.shopId(), channel.requestTimeout(), http);
  }

  public MarketplaceConnector marketplace(String channelId) {
    MarketplaceConnector connector = marketplaces.get(channelId);
    if (connector == null) {
      throw new IllegalArgumentException("No channel " + channelId);
    }
    return connector;
  }

  /** The Shopify store a channel's orders go to. */
  public ShopifyGateway shopFor(String channelId) {
    return shops.get(properties.channel(channelId).shop());
  }

  public Collection<ShopifyGateway> shops() {
    return shops.values();
  }
}
