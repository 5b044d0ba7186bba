/** The extension point for probe kinds: {@link org.postpatch.spi.ProbeKind}, found by ServiceLoader. */
package org.postpatch.spi;
