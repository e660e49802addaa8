/** Probing the machine: the ResourceProfile and the TrainingCapability (whether libtorch loads). */
package org.xeenet.worker.device;
