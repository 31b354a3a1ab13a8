package dev.cachedb.bench.petclinic;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OwnerRepository extends JpaRepository<Owner, Integer> {

  /** The owner and its pets in one statement, for the cache's miss path and the update. */
  @Query("select o from Owner o left join fetch o.pets where o.id = :id")
  Optional<Owner> findWithPets(@Param("id") int id);
}
