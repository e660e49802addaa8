package org.xeenet.worker.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xeenet.worker.trainer.ChildJvm;

class MklCpuShimTest {
  @Test
  void appliesOnlyToNonIntelX8664Linux() {
    assertThat(MklCpuShim.applies("Linux", "amd64", "AuthenticAMD")).isTrue();
    assertThat(MklCpuShim.applies("Linux", "x86_64", "HygonGenuine")).isTrue();
    assertThat(MklCpuShim.applies("Linux", "amd64", "GenuineIntel")).isFalse();
    assertThat(MklCpuShim.applies("Linux", "aarch64", "ARM")).isFalse();
    assertThat(MklCpuShim.applies("Mac OS X", "x86_64", "AuthenticAMD")).isFalse();
    assertThat(MklCpuShim.applies("Windows 11", "amd64", "AuthenticAMD")).isFalse();
    assertThat(MklCpuShim.applies("Linux", "amd64", null)).isFalse();
    assertThat(MklCpuShim.applies("Linux", "amd64", " ")).isFalse();
  }

  @Test
  void readsTheVendorFromCpuinfo() {
    String cpuinfo =
        "processor\t: 0\nvendor_id\t: AuthenticAMD\ncpu family\t: 25\n\n"
            + "processor\t: 1\nvendor_id\t: AuthenticAMD\n";
    assertThat(MklCpuShim.vendorOf(cpuinfo)).isEqualTo("AuthenticAMD");
    assertThat(MklCpuShim.vendorOf("processor : 0\n")).isNull();
  }

  @Test
  void preloadGoesInFrontOfTheEnvironmentsOwn() {
    Path lib = Path.of("/w/natives/libxeenet_mkl_cpu-ab.so");
    assertThat(MklCpuShim.preloadValue(lib, null)).isEqualTo(lib.toString());
    assertThat(MklCpuShim.preloadValue(lib, "/x/libjemalloc.so"))
        .isEqualTo(lib + ":/x/libjemalloc.so");
  }

  @Test
  void disabledLeavesTheChildAlone(@TempDir Path work) {
    ChildJvm jvm = new ChildJvm("java", "cp", "64m", 1);
    List<String> notes = new ArrayList<>();
    assertThat(MklCpuShim.maybePreload(jvm, work, false, notes::add)).isSameAs(jvm);
    assertThat(notes).containsExactly("MKL CPU shim disabled");
    assertThat(work.resolve("natives")).doesNotExist();
  }

  /** The build compiled the shim into the jar (x86-64 Linux with gcc, as this machine). */
  private static byte[] builtShim() throws Exception {
    try (InputStream in = MklCpuShim.class.getResourceAsStream(MklCpuShim.RESOURCE)) {
      assumeTrue(in != null, "the build had no C compiler: no shim");
      return in.readAllBytes();
    }
  }

  @Test
  void theBuiltLibraryIsASmallElfDefiningTheSymbol() throws Exception {
    byte[] so = builtShim();
    assertThat(so.length).isLessThan(100 * 1024);
    assertThat(new String(so, 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("\u007fELF");
    assertThat(new String(so, StandardCharsets.ISO_8859_1)).contains("mkl_serv_intel_cpu_true");
  }

  @Test
  void installsOnceIntoTheWorkDir(@TempDir Path work) throws Exception {
    byte[] so = builtShim();
    Optional<Path> a = MklCpuShim.install(work);
    assertThat(a).isPresent();
    assertThat(a.get().getParent()).isEqualTo(work.resolve("natives"));
    assertThat(Files.readAllBytes(a.get())).isEqualTo(so);
    long modified = Files.getLastModifiedTime(a.get()).toMillis();
    assertThat(MklCpuShim.install(work)).contains(a.get());
    assertThat(Files.getLastModifiedTime(a.get()).toMillis()).isEqualTo(modified);
    // a damaged copy is replaced
    Files.write(a.get(), new byte[] {1, 2, 3});
    assertThat(MklCpuShim.install(work)).contains(a.get());
    assertThat(Files.readAllBytes(a.get())).isEqualTo(so);
  }

  @Test
  void theTrainerChildLoadsLibtorchWithTheShimPreloaded(@TempDir Path work) throws Exception {
    builtShim();
    assumeTrue(MklCpuShim.appliesHere() || System.getProperty("os.arch").equals("amd64"));
    Path lib = MklCpuShim.install(work).orElseThrow();
    ChildJvm jvm = MklCpuShim.preload(ChildJvm.fromCodeSource(1), lib);
    assertThat(jvm.env().get("LD_PRELOAD")).startsWith(lib.toString());
    NativesProbe.Outcome with = NativesProbe.probe(jvm);
    assertThat(with.ok()).as(with.error()).isTrue();
    assertThat(with.mklShim()).isTrue();
    NativesProbe.Outcome without = NativesProbe.probe(ChildJvm.fromCodeSource(1));
    assertThat(without.ok()).isTrue();
    assertThat(without.mklShim()).isFalse();
  }
}
