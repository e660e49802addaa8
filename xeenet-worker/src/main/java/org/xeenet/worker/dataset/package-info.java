/** Dataset download with a content-addressed (sha256) on-disk cache. */
package org.xeenet.worker.dataset;
