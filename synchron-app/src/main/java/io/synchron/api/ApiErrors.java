package io.synchron.api;

import io.synchron.intake.ManualDecisions.OrderNotFoundException;
import io.synchron.jobs.JobNotFoundException;
import io.synchron.order.IllegalOrderTransitionException;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps refusals to RFC 9457 problem details: wrong-state calls are 409 and name the current state. */
@RestControllerAdvice
class ApiErrors {

  @ExceptionHandler(IllegalOrderTransitionException.class)
  ProblemDetail wrongState(IllegalOrderTransitionException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("Not allowed in the order's current state");
    problem.setProperty("currentState", e.current());
    problem.setProperty("requestedState", e.requested());
    return problem;
  }

  @ExceptionHandler(IllegalStateException.class)
  ProblemDetail conflict(IllegalStateException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("Not allowed in the current state");
    return problem;
  }

  @ExceptionHandler({OrderNotFoundException.class, JobNotFoundException.class, NoSuchElementException.class})
  ProblemDetail notFound(RuntimeException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Not found");
    return problem;
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail badRequest(IllegalArgumentException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Bad request");
    return problem;
  }
}
