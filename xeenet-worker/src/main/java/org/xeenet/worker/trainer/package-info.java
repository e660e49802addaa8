/** The DJL character-level GPT trainer that runs inside the child JVM and prints JSON lines. */
package org.xeenet.worker.trainer;
