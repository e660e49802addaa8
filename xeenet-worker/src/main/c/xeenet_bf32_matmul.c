/*
 * XeeNet worker: bf16 matmuls for fp32 tensors (benchmark experiment, `bench train --bf16`).
 *
 * DJL 0.36 cannot create a bf16 tensor (its native type switch has no case for BFLOAT16 and the
 * process aborts), so bf16 training cannot be expressed through DJL. libtorch can still compute
 * the fp32 matmuls with bf16 inputs and fp32 accumulation through oneDNN (what
 * torch.set_float32_matmul_precision("medium") does on a CPU with AVX512_BF16 or AMX). Nothing
 * in DJL sets that precision, so this library, preloaded into a trainer child, interposes
 * at::globalContext() (libtorch calls it through its PLT): on the first call it finds the real
 * function in the already loaded libtorch_cpu.so, sets the context's fp32 matmul precision to
 * MEDIUM once, and from then on only forwards.
 *
 * Built like xeenet_mkl_cpu.c (with -ldl instead of -nostdlib); never preloaded by `run`.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>

typedef void *(*context_fn)(void);
typedef void (*set_precision_fn)(void *, int);

static context_fn real_context;

/* at::Float32MatmulPrecision { HIGHEST, HIGH, MEDIUM } */
enum { PRECISION_MEDIUM = 2 };

void *_ZN2at13globalContextEv(void) {
  if (real_context == NULL) {
    void *lib = dlopen("libtorch_cpu.so", RTLD_LAZY | RTLD_NOLOAD);
    if (lib == NULL) {
      return NULL;
    }
    context_fn found = (context_fn)dlsym(lib, "_ZN2at13globalContextEv");
    set_precision_fn set = (set_precision_fn)dlsym(
        lib, "_ZN2at7Context25setFloat32MatmulPrecisionENS_22Float32MatmulPrecisionE");
    if (found == NULL) {
      return NULL;
    }
    if (set != NULL) {
      set(found(), PRECISION_MEDIUM);
    }
    real_context = found;
  }
  return real_context();
}
