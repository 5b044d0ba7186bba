/** Judging a run against a baseline: what this patch broke, fixed, slowed down, and what changed under it. */
package org.postpatch.compare;
