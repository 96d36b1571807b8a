package io.synchron.sandbox;

import io.synchron.simulator.mirakl.MiraklSimulator;
import io.synchron.simulator.shopify.ShopifySimulator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the sandbox when {@code synchron.sandbox.enabled} is true, or when it is unset and no Shopify store is
 * configured (a fresh checkout runs the demo; a configured deployment does not). Refuses to mix the sandbox with
 * real stores, so that demo orders can never reach a real shop.
 */
public class SandboxEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

  static final String SHOP_ID = "sandbox-shop";

  private final org.apache.commons.logging.Log log;

  public SandboxEnvironmentPostProcessor(org.springframework.boot.logging.DeferredLogFactory logs) {
    this.log = logs.getLog(SandboxEnvironmentPostProcessor.class);
  }
  static final String CHANNEL_ID = "sandbox-mirakl";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    boolean shopsConfigured = env.getProperty("synchron.shops[0].id") != null;
    String flag = env.getProperty("synchron.sandbox.enabled");
    boolean enabled = flag == null ? !shopsConfigured : Boolean.parseBoolean(flag);
    if (!enabled) {
      return;
    }
    if (shopsConfigured || env.getProperty("synchron.channels[0].id") != null) {
      throw new IllegalStateException(
          "synchron.sandbox.enabled=true cannot be combined with configured synchron.shops or synchron.channels:"
              + " set synchron.sandbox.enabled=false to use your own stores and channels");
    }
    ShopifySimulator shopify =
        ShopifySimulator.start(
            ShopifySimulator.Options.defaults().withPort(env.getProperty("synchron.sandbox.shopify-port", Integer.class, 0)));
    MiraklSimulator mirakl =
        MiraklSimulator.start(
            MiraklSimulator.Options.defaults()
                .withPort(env.getProperty("synchron.sandbox.mirakl-port", Integer.class, 0))
                .withAutoDebit(true));
    DemoCatalogue.stock(shopify);
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("synchron.shops[0].id", SHOP_ID);
    props.put("synchron.shops[0].shop-domain", shopify.shopDomain());
    props.put("synchron.shops[0].admin-base-url", shopify.adminBaseUrl());
    props.put("synchron.shops[0].access-token", shopify.accessToken());
    props.put("synchron.shops[0].api-version", shopify.apiVersion());
    props.put("synchron.shops[0].webhook-secret", ShopifySimulator.DEFAULT_WEBHOOK_SECRET);
    String port = env.getProperty("server.port", "8080");
    if (env.getProperty("synchron.public-url") == null && !"0".equals(port)) {
      // The simulated store delivers its webhooks to this service, as a real store would to its public address.
      props.put("synchron.public-url", "http://127.0.0.1:" + port);
    }
    props.put("synchron.channels[0].id", CHANNEL_ID);
    props.put("synchron.channels[0].platform", "mirakl");
    props.put("synchron.channels[0].shop", SHOP_ID);
    props.put("synchron.channels[0].base-url", mirakl.baseUrl());
    props.put("synchron.channels[0].api-key", mirakl.apiKey());
    props.put("synchron.channels[0].poll-interval", env.getProperty("synchron.sandbox.poll-interval", "PT5S"));
    props.put("synchron.channels[0].min-poll-interval", "PT1S");
    props.put("synchron.channels[0].initial-lookback", "PT1H");
    // The demo invoices its shipped sales, as a French seller would, and attaches them to the marketplace orders.
    props.put("synchron.channels[0].invoicing.enabled", env.getProperty("synchron.sandbox.invoicing", "true"));
    props.put("synchron.channels[0].invoicing.trigger", "shipped");
    props.put("synchron.channels[0].invoicing.series", "DEMO-INV");
    props.put("synchron.channels[0].invoicing.credit-note-series", "DEMO-CN");
    props.put("synchron.channels[0].invoicing.seller.name", "Atelier Démo SAS");
    props.put("synchron.channels[0].invoicing.seller.street", "10 rue de la Paix");
    props.put("synchron.channels[0].invoicing.seller.postal-code", "75002");
    props.put("synchron.channels[0].invoicing.seller.city", "Paris");
    props.put("synchron.channels[0].invoicing.seller.country-code", "FR");
    props.put("synchron.channels[0].invoicing.seller.vat-id", "FR32123456789");
    props.put("synchron.channels[0].invoicing.seller.registration", "123456789");
    props.put("synchron.channels[0].invoicing.seller.accounting-currency", "EUR");
    env.getPropertySources().addFirst(new MapPropertySource("synchron-sandbox", props));

    Duration every = Duration.parse(env.getProperty("synchron.sandbox.demo.interval", "PT3S"));
    boolean demo = env.getProperty("synchron.sandbox.demo.enabled", Boolean.class, true);
    DemoTraffic traffic = new DemoTraffic(mirakl, shopify, every);
    traffic.start(demo);
    application.addListeners(
        event -> {
          if (event instanceof ContextClosedEvent) {
            traffic.stop();
            mirakl.close();
            shopify.close();
          }
        });
    log.info(
        "Sandbox on: Mirakl simulator at " + mirakl.baseUrl() + " (key " + mirakl.apiKey() + "), Shopify simulator at "
            + shopify.adminBaseUrl() + " (" + shopify.shopDomain() + "); demo orders "
            + (demo ? "every " + every : "off") + ". Set synchron.sandbox.enabled=false to turn it off.");
  }

  @Override
  public int getOrder() {
    // After the application's own configuration files are loaded, so their settings are seen here.
    return Ordered.LOWEST_PRECEDENCE;
  }
}
