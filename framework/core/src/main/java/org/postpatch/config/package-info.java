/** Reading probe files: the located tree, limits against hostile input, variables and validation. */
package org.postpatch.config;
