/**
 * Classes the agent places on the bootstrap class path at start, so that advice inlined into a
 * library class reaches them from any class loader: the application's, a servlet container's
 * web-app loader, or an OSGi-style loader that does not delegate to the application loader. Every
 * loader resolves bootstrap classes, so advice refers only to JDK types and to the types here.
 *
 * <p>Rules for this package: JDK types only (it cannot see the agent's other classes, Byte Buddy
 * or client_java); small; no static state that holds application objects strongly; hooks, not
 * logic: each hook hands its event to a sink, and the agent, loaded by the application class
 * loader, installs its recorders (which pair, classify and record) as those sinks.
 * {@code BootstrapJar} copies every class of this package into a temporary jar and appends it to
 * the bootstrap search path before anything loads one of them.
 */
package dev.cachedb.agent.bootstrap;
