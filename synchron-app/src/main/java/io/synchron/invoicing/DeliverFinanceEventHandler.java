package io.synchron.invoicing;

import io.synchron.config.SynchronProperties;
import io.synchron.jobs.Job;
import io.synchron.jobs.JobContext;
import io.synchron.jobs.JobHandler;
import io.synchron.shared.Failure;
import io.synchron.shared.Json;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Delivers one finance event to one endpoint: JSON with the document's data and links to its files, signed (see
 * {@link FinanceSignature}), with the event's id and type in headers so the receiver can de-duplicate. A 2xx answer
 * ends it; 5xx, 408, 429 and transport errors are retried with backoff by the job runner; any other 4xx is
 * permanent. Failing deliveries become visible exceptions; events can be replayed from any point.
 */
@Component
class DeliverFinanceEventHandler implements JobHandler {

  private final OrderDocuments documents;
  private final SynchronProperties properties;
  private final Clock clock;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();

  DeliverFinanceEventHandler(OrderDocuments documents, SynchronProperties properties, Clock clock) {
    this.documents = documents;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public String kind() {
    return InvoicingFlow.DELIVER_FINANCE_EVENT;
  }

  @Override
  public void run(Job job, JobContext context) throws Exception {
    long eventId = Json.number(job.payload(), "event");
    String endpointId = Json.text(job.payload(), "endpoint");
    SynchronProperties.FinanceEndpoint endpoint = properties.finance().endpoints().stream()
        .filter(e -> e.id().equals(endpointId)).findFirst()
        .orElseThrow(() -> new Undeliverable("finance endpoint " + endpointId + " is no longer configured"));
    OrderDocuments.FinanceEvent event = documents.event(eventId).orElseThrow();
    HttpRequest request = HttpRequest.newBuilder(endpoint.url())
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("X-Synchron-Event-Id", Long.toString(event.id()))
        .header("X-Synchron-Event-Type", event.type())
        .header("X-Synchron-Signature",
            FinanceSignature.header(endpoint.secret(), clock.instant().getEpochSecond(), event.payload()))
        .POST(HttpRequest.BodyPublishers.ofString(event.payload()))
        .build();
    HttpResponse<String> response;
    try {
      response = io.synchron.connector.Deadline.send(http, request, Duration.ofSeconds(30));
    } catch (IOException e) {
      throw new Unanswered(endpoint.url() + ": " + e.getMessage());
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return;
    }
    if (status >= 500 || status == 408 || status == 429) {
      throw new Unanswered(endpoint.url() + " answered " + status);
    }
    throw new Undeliverable(endpoint.url() + " refused the event with " + status);
  }

  static final class Unanswered extends RuntimeException implements Failure.Classified {
    Unanswered(String message) {
      super(message);
    }

    @Override
    public Failure failure() {
      return new Failure.Retry("finance endpoint: " + getMessage());
    }
  }

  static final class Undeliverable extends RuntimeException implements Failure.Classified {
    Undeliverable(String message) {
      super(message);
    }

    @Override
    public Failure failure() {
      return new Failure.Permanent("finance endpoint: " + getMessage());
    }
  }
}
