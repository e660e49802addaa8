/*
 * XeeNet worker: the MKL CPU shim.
 *
 * libtorch 2.7.1 (the Maven Central build the worker bundles) links Intel oneMKL 2024.2
 * statically and calls MKL's own CPU check through the PLT. On a CPU that is not made by Intel
 * that check answers 0 and MKL's sgemm takes slower code paths. This library, preloaded into the
 * trainer child only (LD_PRELOAD, x86-64 Linux, CPU vendor not GenuineIntel), answers 1, so MKL
 * uses the AVX2/AVX-512 kernels the CPU actually has. Nothing else is changed; the worker's
 * --no-mkl-shim option turns it off.
 *
 * Built by the worker's Maven build with the system C compiler (skipped when there is none):
 *   gcc -O2 -shared -fPIC -nostdlib -s -o libxeenet_mkl_cpu.so xeenet_mkl_cpu.c
 */
int mkl_serv_intel_cpu_true(void) { return 1; }
