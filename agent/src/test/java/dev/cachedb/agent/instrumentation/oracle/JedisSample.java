package dev.cachedb.agent.instrumentation.oracle;

import java.net.Socket;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.commands.ProtocolCommand;

/**
 * Jedis' advised methods: {@code Connection}'s of 2.9 to 3.x and of 4.0 on, the connection
 * factory's and the cluster cache's, with the {@code socket} field the advice reads.
 */
public class JedisSample {
  public Socket socket;

  public void sendCommand(ProtocolCommand command, byte[][] args) {
    Behaviour.result(command);
  }

  public void sendCommand(CommandArguments arguments) {
    Behaviour.result(arguments);
  }

  public Object readProtocolWithCheckingBroken() {
    return Behaviour.result("OK");
  }

  public void flush() {
    Behaviour.result(socket);
  }

  public void connect() {
    socket = new Socket();
    Behaviour.result(socket);
  }

  public void disconnect() {
    Behaviour.result(socket);
  }

  public void initializeFromClientConfig(Object config) {
    Behaviour.result(config);
  }

  public void discoverClusterNodesAndSlots(Object connection) {
    Behaviour.result(connection);
  }

  public void renewClusterSlots(Object connection) {
    Behaviour.result(connection);
  }

  public Object makeObject() {
    return Behaviour.result("pooled");
  }

  public boolean validateObject(Object pooled) {
    return Behaviour.result(true);
  }

  public void destroyObject(Object pooled) {
    Behaviour.result(pooled);
  }
}
