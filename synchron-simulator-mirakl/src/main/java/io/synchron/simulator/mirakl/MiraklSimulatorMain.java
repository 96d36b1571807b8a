package io.synchron.simulator.mirakl;

import java.math.BigDecimal;

/**
 * Starts a Mirakl simulator for manual use: {@code MiraklSimulatorMain [port]} (default 8091), with
 * the default options and one order waiting for acceptance. Runs until the JVM is stopped.
 */
public final class MiraklSimulatorMain {
  private MiraklSimulatorMain() {}

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8091;
    MiraklSimulator simulator =
        MiraklSimulator.start(MiraklSimulator.Options.defaults().withPort(port));
    Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "mirakl-simulator-stop"));
    String orderId =
        simulator.placeOrder(
            NewOrder.builder().line("MUG-1", "Mug", 2, new BigDecimal("19.99")).build());
    System.out.println(
        "Mirakl simulator on "
            + simulator.baseUrl()
            + " (Authorization: "
            + simulator.apiKey()
            + "); order "
            + orderId
            + " waits for acceptance");
  }
}
