package dev.cachedb.stacks.boot3;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface BookRepository extends JpaRepository<Book, Long> {

  /** A JPQL join: Hibernate writes it as an aliased SELECT from book joined to author. */
  @Query("select b from Book b join b.author a where a.name = :name order by b.id")
  List<Book> findByAuthorName(@Param("name") String name);

  /** A native query with a CTE; the outer statement's first table is author. */
  @Query(
      value =
          "with totals as (select author_id, sum(price) as total from book group by author_id)"
              + " select coalesce(sum(t.total), 0) from author a join totals t on t.author_id = a.id",
      nativeQuery = true)
  long catalogueValue();

  @Modifying
  @Query("update Book b set b.price = b.price + :delta where b.price < :below")
  int raisePrices(@Param("delta") int delta, @Param("below") int below);

  @Modifying
  @Query("delete from Book b where b.price > :above")
  int deleteDearerThan(@Param("above") int above);

  /** Fails on the server: the table does not exist. */
  @Query(value = "select count(*) from missing_table", nativeQuery = true)
  long countMissing();
}
