package io.synchron.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SharedFolderTest {

  @TempDir
  Path shared;

  private String previous;

  @BeforeEach
  void pointThePropertyAtATemporaryFolder() {
    previous = System.getProperty(SharedFolder.PROPERTY);
    System.setProperty(SharedFolder.PROPERTY, shared.toString());
  }

  @AfterEach
  void restoreTheProperty() {
    if (previous == null) {
      System.clearProperty(SharedFolder.PROPERTY);
    } else {
      System.setProperty(SharedFolder.PROPERTY, previous);
    }
  }

  @Test
  void the_folder_named_by_the_system_property_is_looked_at_first() throws IOException {
    Path file = Files.createDirectories(shared.resolve("specs")).resolve("some.json");
    Files.writeString(file, "{}");

    assertThat(SharedFolder.find("specs/some.json")).contains(file.toAbsolutePath().normalize());
  }

  @Test
  void a_missing_file_is_reported_at_the_system_property_location() {
    assertThat(SharedFolder.find("specs/absent.json")).isEmpty();
    assertThat(SharedFolder.expected("specs/absent.json"))
        .isEqualTo(shared.resolve("specs/absent.json").toAbsolutePath().normalize());
  }
}
