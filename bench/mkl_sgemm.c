/*
 * sgemm of libtorch's bundled MKL, per CPU-second and per wall second, for the shapes of the
 * trainer's linear layers (BENCHMARKS.md, "Trainer throughput", MKL CPU shim). Usage:
 *   gcc -O2 -o /tmp/mkl_sgemm bench/mkl_sgemm.c -ldl
 *   L=~/.cache/xeenet/djl/pytorch/2.7.1-20250812-cpu-linux-x86_64
 *   OMP_NUM_THREADS=1 LD_LIBRARY_PATH=$L /tmp/mkl_sgemm $L/libtorch_cpu.so T N 768 2048 256 ...
 *   OMP_NUM_THREADS=1 LD_LIBRARY_PATH=$L LD_PRELOAD=~/.cache/xeenet/natives/libxeenet_mkl_cpu-*.so \
 *     /tmp/mkl_sgemm $L/libtorch_cpu.so T N 768 2048 256 ...
 * Each shape is TRANSA TRANSB M N K (column major, as BLAS); it prints MKL's version, its CPU
 * dispatch code (mkl_serv_cpu_detect: 0 without the shim on AMD, 7 with it) and GFLOP/s.
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
typedef void (*sgemm_t)(const char*,const char*,const int*,const int*,const int*,const float*,const float*,const int*,const float*,const int*,const float*,float*,const int*);
static double cpu(){struct timespec t;clock_gettime(CLOCK_PROCESS_CPUTIME_ID,&t);return t.tv_sec+t.tv_nsec*1e-9;}
static double wall(){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec*1e-9;}
int main(int argc,char**argv){
  void*h=dlopen(argv[1],RTLD_NOW|RTLD_GLOBAL); if(!h){fprintf(stderr,"%s\n",dlerror());return 1;}
  sgemm_t sg=(sgemm_t)dlsym(h,"sgemm_");
  void (*ver)(char*,int)=(void(*)(char*,int))dlsym(h,"MKL_Get_Version_String");
  int (*detect)(void)=(int(*)(void))dlsym(h,"mkl_serv_cpu_detect");
  if(!sg||!ver||!detect){fprintf(stderr,"no MKL symbols in %s\n",argv[1]);return 1;}
  char v[256]; ver(v,sizeof v); printf("%s\nmkl_serv_cpu_detect()=%d\n",v,detect());
  for(int s=2;s+4<argc;s+=5){
    const char*ta=argv[s],*tb=argv[s+1]; int m=atoi(argv[s+2]),n=atoi(argv[s+3]),k=atoi(argv[s+4]);
    float one=1,zero=0; int lda=(*ta=='N')?m:k, ldb=(*tb=='N')?k:n;
    float*a=malloc(4L*m*k),*b=malloc(4L*k*n),*c=malloc(4L*m*n);
    for(long i=0;i<(long)m*k;i++)a[i]=rand()/(float)RAND_MAX;
    for(long i=0;i<(long)k*n;i++)b[i]=rand()/(float)RAND_MAX;
    sg(ta,tb,&m,&n,&k,&one,a,&lda,b,&ldb,&zero,c,&m);
    int reps=0; double c0=cpu(),w0=wall(),el;
    do{sg(ta,tb,&m,&n,&k,&one,a,&lda,b,&ldb,&zero,c,&m);reps++;el=cpu()-c0;}while(el<1.0);
    double f=2.0*m*n*k*reps;
    printf("%s%s m=%d n=%d k=%d  %.1f GFLOP/cpu-s  %.1f GFLOP/wall-s\n",ta,tb,m,n,k,f/el/1e9,f/(wall()-w0)/1e9);
    free(a);free(b);free(c);
  }
}
