/**
 * The extension point for probe kinds: a {@link org.postpatch.spi.ProbeKind} found by ServiceLoader
 * declares its block as a {@link org.postpatch.spi.Shape}, reads it only through a
 * {@link org.postpatch.spi.Spec} and returns a {@link org.postpatch.spi.Binding}.
 */
package org.postpatch.spi;
