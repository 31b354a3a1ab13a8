package dev.cachedb.bench.petclinic;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface VisitRepository extends JpaRepository<Visit, Integer> {

  /** Not cached: the statement every request runs whatever the cache answers. */
  @Query(
      "select new dev.cachedb.bench.petclinic.VisitView(p.name, v.visitDate, v.description)"
          + " from Visit v join v.pet p where p.owner.id = :ownerId order by v.visitDate desc")
  List<VisitView> findRecent(@Param("ownerId") int ownerId, Limit limit);
}
