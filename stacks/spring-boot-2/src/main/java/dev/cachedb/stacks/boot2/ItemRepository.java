package dev.cachedb.stacks.boot2;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ItemRepository extends JpaRepository<Item, Long> {

  /** A JPQL join: Hibernate 5 writes it as a SELECT from item with an inner join to shelf. */
  @Query("select count(i) from Item i join i.shelf s where s.label = :label")
  long countOnShelf(@Param("label") String label);

  @Modifying
  @Query("update Item i set i.stock = i.stock + :delta")
  int restock(@Param("delta") int delta);

  /** Fails on the server: the table does not exist. */
  @Query(value = "select count(*) from missing_table", nativeQuery = true)
  long countMissing();
}
