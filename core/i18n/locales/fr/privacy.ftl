## Énergie à la révélation (core/energy/reveal.ts)

reveal-energy = ⚡ **{ $side }** : { NUMBER($wh, maximumSignificantDigits: 2) } Wh, { NUMBER($co2, maximumSignificantDigits: 2) } g CO₂e ≈ une ampoule LED de 5 W allumée { $led }, ou { $streaming } de vidéo en streaming
reveal-energy-method = Énergie estimée avec { $method } (mix électrique mondial ; matériel inclus)
energy-duration = { $unit ->
    [day] { $amount ->
        [one] 1 jour
       *[other] { $amount } jours
    }
    [hour] { $amount ->
        [one] 1 heure
       *[other] { $amount } heures
    }
    [minute] { $amount ->
        [one] 1 minute
       *[other] { $amount } minutes
    }
   *[second] { $amount ->
        [one] 1 seconde
       *[other] { $amount } secondes
    }
}
