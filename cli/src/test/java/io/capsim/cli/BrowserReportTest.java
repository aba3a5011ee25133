package io.capsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each example's report loads in a real browser (headless Chromium) and every chart in it displays:
 * the page marks its body once all images have loaded with a non-zero size. CI installs Chromium
 * ({@code .ci/run}); elsewhere the test is skipped when there is none.
 */
class BrowserReportTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir Path temp;

  static Stream<Path> examples() throws IOException {
    return CliTest.examples();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void report_loadsInChromiumWithEveryChart(Path example) throws Exception {
    boolean ci = "true".equals(System.getenv("CI"));
    assumeTrue(ci || Files.isExecutable(CHROMIUM), "Chromium is not installed");
    Path out = temp.resolve("out");
    StringWriter err = new StringWriter();
    int status =
        Main.execute(
            new String[] {
              "run", example.toString(), "--out", out.toString(), "--replications", "2"
            },
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true));
    assertThat(status).as(err.toString()).isZero();

    Process chromium =
        new ProcessBuilder(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + Files.createDirectory(temp.resolve("profile")),
                "--dump-dom",
                out.resolve("report.html").toUri().toString())
            .redirectError(temp.resolve("chromium.log").toFile())
            .start();
    String dom = new String(chromium.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(chromium.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(chromium.exitValue()).isZero();
    assertThat(dom).contains("data-charts-loaded=\"true\"").contains("The answer");
    List<String> log = Files.readAllLines(temp.resolve("chromium.log"));
    assertThat(log).noneMatch(line -> line.contains("Uncaught") || line.contains("CONSOLE"));
  }
}
