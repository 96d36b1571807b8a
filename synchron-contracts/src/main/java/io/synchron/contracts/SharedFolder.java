package io.synchron.contracts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds files of the shared reference folder (the published specs), which lives beside the checkout and is never
 * copied into it: {@code -Dsynchron.shared.dir} first (the parent pom sets it for surefire), then {@code ../shared}
 * and {@code ../../shared} relative to the working directory.
 */
final class SharedFolder {

  static final String PROPERTY = "synchron.shared.dir";

  private SharedFolder() {
  }

  /** The first candidate location of {@code relative} that is a regular file. */
  static Optional<Path> find(String relative) {
    return candidates(relative).stream().filter(Files::isRegularFile).findFirst();
  }

  /** Where {@code relative} is looked for first, for messages when it is missing. */
  static Path expected(String relative) {
    return candidates(relative).get(0);
  }

  private static List<Path> candidates(String relative) {
    List<Path> candidates = new ArrayList<>();
    String configured = System.getProperty(PROPERTY);
    if (configured != null && !configured.isBlank()) {
      candidates.add(Path.of(configured).resolve(relative));
    }
    candidates.add(Path.of("..", "shared").resolve(relative));
    candidates.add(Path.of("..", "..", "shared").resolve(relative));
    return candidates.stream().map(p -> p.toAbsolutePath().normalize()).toList();
  }
}
