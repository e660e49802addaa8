/** Throughput benchmarks ({@code bench train}): DJL trainer vs a PyTorch reference. */
package org.xeenet.worker.bench;
