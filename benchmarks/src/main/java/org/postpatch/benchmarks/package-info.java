/** Benchmarks of the http probe kind against plain JDK HttpClient code doing the same requests and checks. */
package org.postpatch.benchmarks;
