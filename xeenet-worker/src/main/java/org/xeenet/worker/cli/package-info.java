/** Command-line entry points (picocli): {@code run}, {@code train} and {@code probe}. */
package org.xeenet.worker.cli;
