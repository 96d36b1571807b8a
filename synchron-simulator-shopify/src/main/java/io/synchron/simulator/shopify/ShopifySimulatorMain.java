package io.synchron.simulator.shopify;

import java.util.concurrent.CountDownLatch;

/**
 * Runs a simulator with default options for manual use: {@code ShopifySimulatorMain [port]} (port
 * 8092 unless given). Stops on Ctrl-C.
 */
public final class ShopifySimulatorMain {

  private ShopifySimulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8092;
    ShopifySimulator simulator =
        ShopifySimulator.start(ShopifySimulator.Options.defaults().withPort(port));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  simulator.close();
                  stopped.countDown();
                }));
    System.out.printf(
        "Shopify simulator: POST %s/admin/api/%s/graphql.json with X-Shopify-Access-Token: %s%n",
        simulator.adminBaseUrl(), simulator.apiVersion(), simulator.accessToken());
    stopped.await();
  }
}
