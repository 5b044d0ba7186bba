/** Spring Boot auto-configuration that starts the embedded self-test with the application and stops it with it. */
package org.postpatch.spring.boot;
