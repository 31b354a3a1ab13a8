package dev.cachedb.stacks.boot2;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.EnableCaching;

/**
 * An inventory on Spring Boot 2.7's defaults (Lettuce, HikariCP 4, Hibernate 5.6, PostgreSQL),
 * built for Java 8; integration-tests runs it as a fat jar with the agent and drives it over HTTP.
 */
@SpringBootApplication
@EnableCaching
public class InventoryApplication {

  public static void main(String[] args) {
    SpringApplication.run(InventoryApplication.class, args);
  }
}
